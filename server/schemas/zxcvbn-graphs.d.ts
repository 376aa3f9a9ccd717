// Types for the one file of @zxcvbn-ts/language-common imported on its own (the keyboard layouts,
// 15 kB), so the page bundle does not pull in the package's 1.5 MB of dictionaries.
declare module "@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs" {
  import type { OptionsGraph } from "@zxcvbn-ts/core";
  const adjacencyGraphs: OptionsGraph;
  export default adjacencyGraphs;
}
