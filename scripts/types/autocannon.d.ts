/** The part of autocannon's API the page benchmark uses (the package ships no types). */
declare module "autocannon" {
  type Histogram = { average: number; min: number; max: number; p50: number; p90: number; p99: number; total?: number };
  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
  };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
