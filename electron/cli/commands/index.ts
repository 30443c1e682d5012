import type { Command } from '../cli-io';
import { analyzeCommand } from './analyze';
import { exportCommand } from './export';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { optimizeCommand } from './optimize';
import { sampleCommand } from './sample';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

/**
 * Every `rotaplan` command by name (ARCHITECTURE §3). Later issues add theirs here: one line each, in the order the
 * usage text lists them.
 */
export const COMMANDS: Record<string, Command> = {
  sample: sampleCommand,
  validate: validateCommand,
  export: exportCommand,
  analyze: analyzeCommand,
  simulate: simulateCommand,
  optimize: optimizeCommand,
  import: importCommand,
  generate: generateCommand,
};
