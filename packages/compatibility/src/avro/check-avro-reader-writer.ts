import {
  AVRO_COMPATIBLE,
  type AvroIncompatibility,
  type AvroReport,
  type AvroResult,
  MAX_AVRO_INCOMPATIBILITIES,
  mergeAvroResults as merge,
} from './avro-incompatibility.js';
import {
  type AvroFieldNode,
  type AvroNode,
  type AvroRecordNode,
  avroShortName,
  avroTypeLabel,
} from './avro-node.js';
import { isAvroPromotion, isSameAvroType } from './avro-type-promotion.js';
import {
  checkAvroEnumSymbols,
  checkAvroFixedSize,
  checkAvroNames,
} from './check-avro-named-types.js';

export type { AvroIncompatibility, AvroIncompatibilityType } from './avro-incompatibility.js';

/**
 * Apache Avro schema resolution (`SchemaCompatibility.checkReaderWriterCompatibility`): can
 * `reader` read data written with `writer`? An empty array means yes. Record pairs are memoized,
 * so recursive schemas terminate and an incompatible pair of named types is reported once, at the
 * first path where it occurs.
 * @example
 * checkAvroReaderWriter(avroNodeFromJson('long'), avroNodeFromJson('int')); // []
 */
export function checkAvroReaderWriter(reader: AvroNode, writer: AvroNode): AvroIncompatibility[] {
  return [
    ...createChecker().compare(undefined, reader, writer, rootPath(reader), rootPath(writer)),
  ];
}

function rootPath(node: AvroNode): string {
  return 'fullName' in node ? avroShortName(node.fullName) : '';
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Avro's `lookupWriterField`: by name, then by each reader alias; several matches are ambiguous. */
function lookupWriterField(
  w: AvroRecordNode,
  field: AvroFieldNode,
): AvroFieldNode | AvroFieldNode[] | undefined {
  const found: AvroFieldNode[] = [];
  const direct = w.fieldsByName.get(field.name);
  if (direct !== undefined) found.push(direct);
  for (const alias of field.aliases) {
    const byAlias = w.fieldsByName.get(alias);
    if (byAlias !== undefined) found.push(byAlias);
  }
  return found.length <= 1 ? found[0] : found;
}

function createChecker() {
  const location: string[] = [];
  const memo = new Map<AvroRecordNode, Map<AvroRecordNode, AvroResult | null>>();

  /** A reporter bound to the reader and writer paths of the pair being compared. */
  const reporter =
    (rp: string, wp: string): AvroReport =>
    (type, reader, writer, message, extra) => {
      const tokens = extra?.token === undefined ? location : [...location, extra.token];
      const item: AvroIncompatibility = {
        type,
        message,
        location: `/${tokens.join('/')}`,
        path: rp,
        writerPath: wp,
        reader,
        writer,
      };
      if (extra?.fieldName !== undefined) item.fieldName = extra.fieldName;
      return [item];
    };

  const checkFields = (
    r: AvroRecordNode,
    w: AvroRecordNode,
    rp: string,
    wp: string,
  ): AvroResult => {
    let result = AVRO_COMPATIBLE;
    location.push('fields');
    for (const field of r.fields) {
      location.push(String(field.position));
      const rfp = join(rp, field.name);
      const writerField = lookupWriterField(w, field);
      if (Array.isArray(writerField)) {
        const names = writerField.map((f) => f.name).join(', ');
        const message = `Reader record field ${field.name} matches multiple fields in writer record schema ${w.fullName}: ${names}`;
        result = merge(
          result,
          reporter(rfp, wp)('READER_FIELD_AMBIGUOUS_ALIAS', r, w, message, {
            fieldName: field.name,
          }),
        );
      } else if (writerField !== undefined) {
        result = merge(
          result,
          compare('type', field.type, writerField.type, rfp, join(wp, writerField.name)),
        );
      } else if (!field.hasDefault) {
        // Apache Avro compares an enum-with-default field against the writer record itself here,
        // which always yields TYPE_MISMATCH; kept for verdict and type parity with Java.
        const missing =
          field.type.kind === 'enum' && field.type.default !== undefined
            ? compare('type', field.type, w, rfp, wp)
            : reporter(rfp, wp)('READER_FIELD_MISSING_DEFAULT_VALUE', r, w, field.name, {
                fieldName: field.name,
              });
        result = merge(result, missing);
      }
      location.pop();
      if (result.length >= MAX_AVRO_INCOMPATIBILITIES) break;
    }
    location.pop();
    return result;
  };

  const compareSameType = (
    reader: AvroNode,
    writer: AvroNode,
    rp: string,
    wp: string,
  ): AvroResult => {
    const report = reporter(rp, wp);
    switch (reader.kind) {
      case 'primitive':
        return AVRO_COMPATIBLE;
      case 'array':
        return compare(
          'items',
          reader.items,
          (writer as typeof reader).items,
          rp + '[]',
          wp + '[]',
        );
      case 'map':
        return compare(
          'values',
          reader.values,
          (writer as typeof reader).values,
          rp + '{}',
          wp + '{}',
        );
      case 'fixed': {
        const w = writer as typeof reader;
        return merge(checkAvroNames(reader, w, report), checkAvroFixedSize(reader, w, report));
      }
      case 'enum': {
        const w = writer as typeof reader;
        return merge(checkAvroNames(reader, w, report), checkAvroEnumSymbols(reader, w, report));
      }
      case 'record': {
        const w = writer as typeof reader;
        return merge(checkAvroNames(reader, w, report), checkFields(reader, w, rp, wp));
      }
      case 'union': {
        // Every writer branch must be readable; a failing branch is one MISSING_UNION_BRANCH.
        let result = AVRO_COMPATIBLE;
        (writer as typeof reader).types.forEach((branch, i) => {
          if (compare(undefined, reader, branch, rp, wp).length === 0) return;
          const message = `reader union lacking writer type: ${avroTypeLabel(branch)}`;
          result = merge(
            result,
            report('MISSING_UNION_BRANCH', reader, branch, message, { token: String(i) }),
          );
        });
        return result;
      }
    }
  };

  const calculate = (reader: AvroNode, writer: AvroNode, rp: string, wp: string): AvroResult => {
    if (isSameAvroType(reader, writer)) return compareSameType(reader, writer, rp, wp);
    if (writer.kind === 'union') {
      let result = AVRO_COMPATIBLE;
      writer.types.forEach((branch, i) => {
        result = merge(result, compare(String(i), reader, branch, rp, wp));
      });
      return result;
    }
    const report = reporter(rp, wp);
    if (reader.kind === 'union') {
      for (const branch of reader.types) {
        if (compare(undefined, branch, writer, rp, wp).length === 0) return AVRO_COMPATIBLE;
      }
      const message = `reader union lacking writer type: ${avroTypeLabel(writer)}`;
      return report('MISSING_UNION_BRANCH', reader, writer, message);
    }
    if (isAvroPromotion(reader, writer)) return AVRO_COMPATIBLE;
    const message = `reader type: ${avroTypeLabel(reader)} not compatible with writer type: ${avroTypeLabel(writer)}`;
    return report('TYPE_MISMATCH', reader, writer, message);
  };

  /** Avro's `getCompatibility`: one location token deeper, memoized for record pairs. */
  function compare(
    token: string | undefined,
    reader: AvroNode,
    writer: AvroNode,
    rp: string,
    wp: string,
  ): AvroResult {
    if (token !== undefined) location.push(token);
    let result: AvroResult;
    if (reader.kind === 'record' && writer.kind === 'record') {
      let byWriter = memo.get(reader);
      if (byWriter === undefined) {
        byWriter = new Map();
        memo.set(reader, byWriter);
      }
      const known = byWriter.get(writer);
      if (known === null) {
        result = AVRO_COMPATIBLE; // recursion in progress: assumed compatible, as Avro does
      } else if (known !== undefined) {
        result = known;
      } else {
        byWriter.set(writer, null);
        result = calculate(reader, writer, rp, wp);
        byWriter.set(writer, result);
      }
    } else {
      result = calculate(reader, writer, rp, wp);
    }
    if (token !== undefined) location.pop();
    return result;
  }

  return { compare };
}
