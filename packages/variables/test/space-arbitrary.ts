import fc from 'fast-check';

/** A leaf definition before names and conditions are attached. */
type LeafSpec = Record<string, unknown>;

const nice = (lo: number, hi: number) =>
  fc.integer({ min: lo * 100, max: hi * 100 }).map((n) => n / 100);

const floatSpec: fc.Arbitrary<LeafSpec> = fc.oneof(
  fc
    .record({
      min: nice(-100, 100),
      width: nice(1, 100),
      precision: fc.constantFrom(undefined, 0.001, 0.01, 0.1, 1),
    })
    .map(({ min, width, precision }) => ({
      kind: 'float',
      min,
      max: Math.round((min + width) * 100) / 100,
      ...(precision === undefined ? {} : { precision }),
    })),
  fc
    .record({
      min: nice(-10, 10),
      steps: fc.integer({ min: 1, max: 50 }),
      step: fc.constantFrom(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
    })
    .map(({ min, steps, step }) => ({
      kind: 'float',
      min,
      max: Math.round((min + steps * step) * 100) / 100,
      step,
    })),
  fc
    .record({ min: fc.constantFrom(1e-5, 1e-3, 0.1, 1), factor: fc.constantFrom(10, 100, 1e4) })
    .map(({ min, factor }) => ({
      kind: 'float',
      min,
      max: min * factor,
      log: true,
    })),
);

const integerSpec: fc.Arbitrary<LeafSpec> = fc.oneof(
  fc
    .record({
      min: fc.integer({ min: -1000, max: 1000 }),
      width: fc.integer({ min: 0, max: 1000 }),
      step: fc.integer({ min: 1, max: 10 }),
    })
    .map(({ min, width, step }) => ({
      kind: 'integer',
      min,
      max: min + width,
      step,
    })),
  fc
    .record({ min: fc.integer({ min: 1, max: 100 }), width: fc.integer({ min: 0, max: 10_000 }) })
    .map(({ min, width }) => ({
      kind: 'integer',
      min,
      max: min + width,
      log: true,
    })),
);

const choiceValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
);
const choiceSpec: fc.Arbitrary<LeafSpec> = fc
  .uniqueArray(choiceValue, {
    minLength: 1,
    maxLength: 6,
    selector: (v) => `${typeof v}:${String(Object.is(v, -0) ? 0 : v)}`,
  })
  .map((values) => ({ kind: 'choice', values }));
const moduleSpec: fc.Arbitrary<LeafSpec> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 1, maxLength: 4 })
  .map((implementations) => ({ kind: 'module', implementations }));

const leafSpec = fc.record({
  domain: fc.oneof(floatSpec, integerSpec, choiceSpec, moduleSpec),
  alt: fc.oneof(floatSpec, integerSpec),
  conditional: fc.boolean(),
  active: fc.boolean(),
  pick: fc.nat(),
  pick2: fc.nat(),
  group: fc.nat({ max: 3 }),
});

/** A random but always feasible space definition: leaves, conditionals, activity, a composite, constraints. */
export const spaceDefinition = fc.array(leafSpec, { minLength: 1, maxLength: 10 }).map((specs) => {
  const choices: { name: string; values: unknown[] }[] = [];
  const numerics: { name: string; min: number; max: number }[] = [];
  const top: Record<string, unknown>[] = [];
  const grouped: Record<string, unknown>[] = [];
  const constraints: Record<string, unknown>[] = [];
  specs.forEach((spec, i) => {
    const name = `v${i}`;
    const controller = choices.length > 0 ? choices[spec.pick % choices.length]! : undefined;
    let def: Record<string, unknown> = { name, ...spec.domain };
    if (spec.conditional && controller) {
      const when = {
        var: controller.name,
        eq: controller.values[spec.pick2 % controller.values.length],
      };
      def = {
        name,
        kind: 'conditional',
        cases: [{ when, domain: spec.domain.kind === 'module' ? spec.alt : spec.domain }],
        fallback: spec.alt,
      };
    }
    if (spec.active && controller)
      def.activeWhen = {
        var: controller.name,
        in: controller.values.slice(0, 1 + (spec.pick2 % controller.values.length)),
      };
    // Only top-level leaves are referenced by conditions, so paths stay simple.
    const inGroup = spec.group === 0 && i > 0;
    (inGroup ? grouped : top).push(def);
    if (inGroup || def.kind === 'conditional') return;
    if (def.kind === 'choice') choices.push({ name, values: def.values as unknown[] });
    if (def.kind === 'float' || def.kind === 'integer') {
      const d = def as { min: number; max: number };
      numerics.push({ name, min: d.min, max: d.max });
      if (controller && constraints.length < 3) {
        // The median of the sampling distribution, so each constraint keeps about half the draws.
        const half = def.log ? Math.sqrt(d.min * d.max) : (d.min + d.max) / 2;
        const then = spec.pick2 % 2 === 0 ? { var: name, gte: half } : { var: name, lte: half };
        constraints.push({
          name: `c${i}`,
          rule: { when: { var: controller.name, eq: controller.values[0] }, then },
        });
      }
    }
  });
  if (grouped.length > 0) top.push({ name: 'group', kind: 'composite', variables: grouped });
  return { id: 'prop', name: 'Property space', variables: top, constraints };
});
