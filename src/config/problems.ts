// A problem found in a config file, and how it is written in an alert:
// `citylens.config.json: layers[2].dataset: no dataset with id "bikes"`.

/** One problem (or warning) at a JSON path such as `layers[2].dataset`; '' is the whole file. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** `file: path: message`, or `file: message` for the whole file. */
export function formatProblem(fileName: string, problem: ConfigProblem): string {
  return problem.path ? `${fileName}: ${problem.path}: ${problem.message}` : `${fileName}: ${problem.message}`;
}
