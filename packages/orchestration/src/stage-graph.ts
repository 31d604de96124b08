import type { Connection } from './pipeline-definition.js';

/** The connection graph of a pipeline, by stage index. */
export interface StageGraph {
  /** Stage ids by index, in definition order. */
  ids: string[];
  indexOf: Map<string, number>;
  predecessors: number[][];
  successors: number[][];
  /** A topological order of every stage (only when there is no cycle). */
  order: number[];
  /** Cycles found, as stage ids with the first repeated at the end (at most `maxCycles`). */
  cycles: string[][];
}

/**
 * Builds the graph and a topological order in linear time (Kahn's algorithm, ties broken by
 * definition order), then, when stages are left over, walks them depth-first to name the
 * stages of each cycle. Connections must already reference known stages.
 */
export function buildStageGraph(
  ids: string[],
  connections: Connection[],
  maxCycles = 10,
): StageGraph {
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) indexOf.set(ids[i]!, i);
  const predecessors: number[][] = ids.map(() => []);
  const successors: number[][] = ids.map(() => []);
  for (const { from, to } of connections) {
    const f = indexOf.get(from)!;
    const t = indexOf.get(to)!;
    successors[f]!.push(t);
    predecessors[t]!.push(f);
  }
  const indegree = predecessors.map((p) => p.length);
  const order: number[] = [];
  for (let i = 0; i < ids.length; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const next of successors[order[head]!]!) {
      if (--indegree[next]! === 0) order.push(next);
    }
  }
  const cycles =
    order.length === ids.length ? [] : findCycles(ids, successors, indegree, maxCycles);
  return { ids, indexOf, predecessors, successors, order: cycles.length ? [] : order, cycles };
}

/**
 * Iterative depth-first search over the stages Kahn could not order (indegree still > 0); a
 * back edge closes a cycle, read off the explicit stack. Each stage is entered once.
 */
function findCycles(
  ids: string[],
  successors: number[][],
  indegree: number[],
  maxCycles: number,
): string[][] {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Uint8Array(ids.length);
  const cycles: string[][] = [];
  const stack: number[] = [];
  const cursor: number[] = [];
  const positionOnStack = new Int32Array(ids.length).fill(-1);
  for (let start = 0; start < ids.length && cycles.length < maxCycles; start++) {
    if (indegree[start] === 0 || color[start] !== WHITE) continue;
    stack.push(start);
    cursor.push(0);
    color[start] = GREY;
    positionOnStack[start] = 0;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const next = successors[node]![cursor[top]!++];
      if (next === undefined) {
        color[node] = BLACK;
        positionOnStack[node] = -1;
        stack.pop();
        cursor.pop();
        continue;
      }
      if (indegree[next] === 0) continue;
      if (color[next] === GREY) {
        if (cycles.length < maxCycles) {
          const members = stack.slice(positionOnStack[next]!).map((i) => ids[i]!);
          cycles.push([...members, ids[next]!]);
        }
      } else if (color[next] === WHITE) {
        color[next] = GREY;
        positionOnStack[next] = stack.length;
        stack.push(next);
        cursor.push(0);
      }
    }
  }
  return cycles;
}
