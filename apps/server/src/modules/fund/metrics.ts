// The fund module's metrics (defineMetrics), registered at start-up by metrics-index.ts.
export {};
