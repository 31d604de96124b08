import { z } from 'zod';

/** Confluent's `metadata` of a schema (`properties`, `tags`, `sensitive`), kept as given. */
export const ConfluentMetadata = z
  .record(z.string(), z.unknown())
  .meta({ id: 'ConfluentMetadata', example: { properties: { owner: 'team-a' } } });

/** Confluent's `ruleSet` of a schema (`domainRules`, `migrationRules`), kept as given. */
export const ConfluentRuleSet = z
  .record(z.string(), z.unknown())
  .meta({ id: 'ConfluentRuleSet', example: { domainRules: [] } });
