// Refuses a Node.js older than Rotaplan supports, in one sentence, before anything else is loaded. CommonJS with
// old syntax only, so any Node that can start at all reads it; bin/rotaplan.js imports it on its first line.
'use strict';
/* global module */

/** The Node.js versions Rotaplan and its dependencies support: package.json's `engines.node`, which a test compares. */
var SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24';

/** True when a Node version (`20.19.0`, `v22.13.1`) lies in SUPPORTED_NODE. */
function isSupportedNode(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  if (!(major >= 0) || !(minor >= 0)) return false;
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 13;
  return major >= 24;
}

/** The sentence that refuses this Node version, or null when it is supported. */
function nodeProblem(version) {
  if (isSupportedNode(version)) return null;
  return (
    'Rotaplan needs Node.js 20.19+, 22.13+ or 24 and newer (this is Node.js ' +
    String(version).replace(/^v/, '') +
    '): install a current LTS release from https://nodejs.org, or run `nvm use` in the Rotaplan folder.'
  );
}

module.exports = {
  SUPPORTED_NODE: SUPPORTED_NODE,
  isSupportedNode: isSupportedNode,
  nodeProblem: nodeProblem,
};

var problem = nodeProblem(process.versions.node);
if (problem) {
  process.stderr.write(problem + '\n');
  process.exit(1);
}
