// The small part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; p50: number; p99: number; mean: number; total: number }
  interface Result { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number; '2xx': number; duration: number }
  interface RequestSpec { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: RequestSpec, context: Record<string, unknown>) => RequestSpec }
  interface Options { url: string; connections?: number; duration?: number; method?: string; headers?: Record<string, string>; body?: string; requests?: RequestSpec[]; timeout?: number; setupClient?: (client: unknown) => void }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
