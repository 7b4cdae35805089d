import { z } from "zod";

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a 6-digit hex colour like #1a2b3c");
const fontStack = z.string().min(1).max(300).regex(/^[^;{}<>]+$/, "A CSS font-family list without ; { } < >");
const assetFile = z.string().regex(/^[a-z0-9][a-z0-9._-]*\.(svg|png|webp|ico)$/, "A file name inside the theme folder");

export const COLOR_KEYS = [
  "primary", "primaryForeground", "secondary", "secondaryForeground", "background", "foreground",
  "surface", "surfaceForeground", "muted", "mutedForeground", "accent", "accentForeground", "border", "focus",
] as const;

export type ColorKey = (typeof COLOR_KEYS)[number];

export const ThemeSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
    displayName: z.string().min(1).max(80),
    colors: z.object(Object.fromEntries(COLOR_KEYS.map((k) => [k, hex])) as Record<ColorKey, typeof hex>).strict(),
    fonts: z.object({ heading: fontStack, body: fontStack }).strict(),
    radius: z.string().regex(/^(0|\d+(\.\d+)?(rem|px))$/, "A length like 0.75rem or 8px"),
    logo: assetFile,
    favicon: assetFile,
    emailHeader: z.object({ backgroundColor: hex, textColor: hex, logo: assetFile }).strict(),
  })
  .strict();

export type Theme = z.infer<typeof ThemeSchema>;

/** What a tenant may override: any theme value except its name. */
export const ThemeOverridesSchema = z
  .object({
    displayName: z.string().min(1).max(80).optional(),
    colors: z.object(Object.fromEntries(COLOR_KEYS.map((k) => [k, hex.optional()])) as Record<ColorKey, z.ZodOptional<typeof hex>>).strict().optional(),
    fonts: z.object({ heading: fontStack.optional(), body: fontStack.optional() }).strict().optional(),
    radius: z.string().regex(/^(0|\d+(\.\d+)?(rem|px))$/).optional(),
    emailHeader: z.object({ backgroundColor: hex.optional(), textColor: hex.optional() }).strict().optional(),
  })
  .strict();

export type ThemeOverrides = z.infer<typeof ThemeOverridesSchema>;
