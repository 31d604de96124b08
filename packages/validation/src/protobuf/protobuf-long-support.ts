import { createRequire } from 'node:module';
import protobuf from 'protobufjs';

/**
 * Makes sure protobufjs represents 64-bit integers with `long` rather than lossy doubles.
 * protobufjs finds `long` through an eval'd `require`, which fails under ESM loaders and
 * bundlers; `'9007199254740993'` would then silently become 9007199254740992.
 */
export function ensureProtobufLongSupport(): void {
  if (protobuf.util.Long) return;
  const fromProtobufjs = createRequire(createRequire(import.meta.url).resolve('protobufjs'));
  const long = fromProtobufjs('long') as { default?: unknown };
  protobuf.util.Long = (long.default ?? long) as typeof protobuf.util.Long;
  protobuf.configure();
}
