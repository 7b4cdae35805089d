export { ThemeSchema, ThemeOverridesSchema, COLOR_KEYS, type Theme, type ThemeOverrides } from "./theme-schema.js";
export { ThemeService, CONTRAST_PAIRS, contrastProblems, themeCss } from "./theme-service.js";
export { contrastRatio, luminance } from "./contrast.js";
