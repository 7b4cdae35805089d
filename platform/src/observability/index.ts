export { createLogger, type Logger } from "./logger.js";
export { HttpMetrics } from "./metrics.js";
