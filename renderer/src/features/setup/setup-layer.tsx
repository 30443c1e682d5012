/** The first-run tour and the New plan guided setup, mounted once by the app shell (issue 9). */
export function SetupLayer() {
  return null;
}
