/** One problem in a pipeline definition: which rule, where (JSON Pointer) and which stage. */
export interface PipelineProblem {
  /** A stable rule name, e.g. `duplicate_stage`, `unknown_stage`, `cycle`, `unknown_handler`. */
  rule: string;
  /** JSON Pointer into the definition. */
  path: string;
  message: string;
  /** The stage the problem belongs to, when there is one. */
  stageId?: string;
  /** For `cycle`: the stage ids around the cycle, first repeated at the end. */
  cycle?: string[];
}
