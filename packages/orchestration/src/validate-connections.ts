import { type Connection, PIPELINE_LIMITS } from './pipeline-definition.js';
import type { PipelineProblem } from './pipeline-problem.js';
import type { StageGraph } from './stage-graph.js';

/** Reports one problem. */
export type AddProblem = (
  rule: string,
  path: string,
  message: string,
  extra?: Partial<PipelineProblem>,
) => void;

/**
 * Reads `connections`: every end must name a stage; self-loops and repeats are reported. Returns
 * undefined when the field itself is unusable.
 */
export function readConnections(
  value: unknown,
  stages: Map<string, number>,
  add: AddProblem,
): Connection[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    add('type', '/connections', 'connections must be an array of { from, to }');
    return undefined;
  }
  if (value.length > PIPELINE_LIMITS.maxConnections) {
    add(
      'too_large',
      '/connections',
      `at most ${PIPELINE_LIMITS.maxConnections} connections (got ${value.length})`,
    );
    return undefined;
  }
  const connections: Connection[] = [];
  // Pairs as numbers (from × stages + to): hashing a number is far cheaper than a joined string.
  const pairs = new Set<number>();
  const n = stages.size;
  for (let i = 0; i < value.length; i++) {
    const c: unknown = value[i];
    const path = `/connections/${i}`;
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      add('type', path, 'a connection must be { from, to }');
      continue;
    }
    const { from, to } = c as Record<string, unknown>;
    for (const key in c) {
      if (key !== 'from' && key !== 'to')
        add('unknown_field', `${path}/${key}`, 'unknown field; allowed: from, to');
    }
    const f = typeof from === 'string' ? stages.get(from) : undefined;
    const t = typeof to === 'string' ? stages.get(to) : undefined;
    if (f === undefined) danglingEnd(add, path, 'from', from);
    if (t === undefined) danglingEnd(add, path, 'to', to);
    if (f === undefined || t === undefined) continue;
    if (f === t) {
      add('cycle', path, `stage ${from} connects to itself`, {
        stageId: from as string,
        cycle: [from as string, from as string],
      });
      continue;
    }
    const key = f * n + t;
    if (pairs.has(key)) {
      add('duplicate_connection', path, `connection ${from} -> ${to} is listed twice`, {
        stageId: to as string,
      });
      continue;
    }
    pairs.add(key);
    connections.push({ from: from as string, to: to as string });
  }
  return connections;
}

function danglingEnd(add: AddProblem, path: string, side: 'from' | 'to', id: unknown) {
  const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 200)) : typeof id;
  const extra =
    typeof id === 'string' && id.length <= PIPELINE_LIMITS.maxIdLength ? { stageId: id } : {};
  add(
    'unknown_stage',
    `${path}/${side}`,
    `connection ${side} ${shown} is not a stage of this pipeline`,
    extra,
  );
}

/** Streaming passes each item down one chain, so every stage has at most one neighbour each way. */
export function checkChain(graph: StageGraph, add: AddProblem) {
  const heads = graph.predecessors.filter((p) => p.length === 0).length;
  graph.ids.forEach((id, i) => {
    if (graph.predecessors[i]!.length > 1 || graph.successors[i]!.length > 1) {
      add(
        'streaming_needs_chain',
        `/stages/${i}`,
        `streaming pipelines are a single chain; stage ${id} branches or joins`,
        { stageId: id },
      );
    }
  });
  if (heads > 1)
    add(
      'streaming_needs_chain',
      '/connections',
      `streaming pipelines are a single chain; found ${heads} first stages`,
    );
}
