import type { ClientCredentials } from '@llmsr/sdk';

/**
 * Where raw requests go (the calls the SDK does not expose: export, import): the registry URL and
 * the credentials to send with each request. The secret stays inside `credentials`, so printing an
 * endpoint shows none.
 */
export interface RegistryEndpoint {
  /** The registry URL (`--url`, `LLMSR_URL`, or the default). */
  readonly url: string;
  /** From `--api-key`, `--token`, `LLMSR_API_KEY` or `LLMSR_TOKEN`; none when absent. */
  readonly credentials?: ClientCredentials | undefined;
}

/** The headers of one raw request: its own, then the credentials (which nothing may override). */
export async function endpointHeaders(
  endpoint: RegistryEndpoint,
  own: Record<string, string> = {},
): Promise<Record<string, string>> {
  return { ...own, ...(await endpoint.credentials?.headers()) };
}
