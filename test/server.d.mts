export interface ServerOptions {
  /** The raw feed served at /feed*, /flaky*, /text, /truncated and /chunked (test/fixtures.ts makes one). */
  feed?: unknown;
  /** Headers on every answer, e.g. the Content-Security-Policy of a careful partner site. */
  headers?: Record<string, string>;
  /** Gzip text answers (pages, scripts, styles, JSON) for a browser that accepts it, as a real host does. */
  compress?: boolean;
}

export interface RequestRecord {
  path: string;
  search: string;
  /** performance.now() in the server process when the request arrived. */
  at: number;
  /** The Referer header the request carried. */
  referer?: string;
}

export interface FaultServer {
  url: string;
  /** Serves `body` at `path` (content type from its extension, HTML by default) with `headers` added. */
  add(path: string, body: string, headers?: Record<string, string>): void;
  /** Requests for `path` since the last reset. */
  hits(path: string): number;
  /** Every request since the last reset, in order. */
  requests(): RequestRecord[];
  reset(): void;
  close(): Promise<void>;
}

export declare function startFaultServer(options?: ServerOptions): Promise<FaultServer>;

/** The corpus's XSS strings (DOMPurify's test payloads and the big list of naughty strings); empty without it. */
export declare function xssStrings(): string[];
