/*
 * The search page's query string: one place names its parameters, so the form, the
 * pagination links and the loader's clean-up agree.
 */

/** Every parameter the search page understands, in the order links write them. */
export const SEARCH_PARAMS = [
  "q",
  "specialty",
  "city",
  "locality",
  "language",
  "gender",
  "fee_min",
  "fee_max",
  "mode",
  "min_rating",
  "sort",
  "near",
  "page",
] as const;

export type SearchParam = (typeof SEARCH_PARAMS)[number];

/** The parameters that narrow the results (not the text, the order or the page). */
export const FILTER_PARAMS: readonly SearchParam[] = ["specialty", "city", "locality", "language", "gender", "fee_min", "fee_max", "mode", "min_rating"];

export const SORTS = ["relevance", "fee_asc", "fee_desc", "experience", "distance"] as const;

/**
 * Known parameters with a value, trimmed, in a stable order; empty fields (a GET form
 * sends every field), unknown names and defaults (`page=1`, `sort=relevance`) dropped,
 * so URLs stay short and shareable.
 */
export function cleanSearchParams(params: URLSearchParams): URLSearchParams {
  const clean = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (name === "page" && value === "1") continue;
    if (name === "sort" && value === "relevance") continue;
    clean.set(name, value);
  }
  return clean;
}

/** The values to refill the search form with. */
export function searchValues(params: URLSearchParams): Partial<Record<SearchParam, string>> {
  const values: Partial<Record<SearchParam, string>> = {};
  for (const name of SEARCH_PARAMS) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  return values;
}

/** How many filters narrow the results (shown on the phone's "Filters" toggle). */
export function activeFilterCount(values: Partial<Record<SearchParam, string>>): number {
  return FILTER_PARAMS.filter((name) => Boolean(values[name])).length;
}

/** `/search?...` for `params` with the page set (page 1 leaves it out). */
export function searchHref(params: URLSearchParams, changes: Partial<Record<SearchParam, string | null>> = {}): string {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(name);
    else next.set(name, value);
  }
  if (next.get("page") === "1") next.delete("page");
  const query = cleanSearchParams(next).toString();
  return query ? `/search?${query}` : "/search";
}

/** True when `clean` (from `cleanSearchParams`) says something other than `raw`, ignoring order. */
export function differsFromClean(raw: URLSearchParams, clean: URLSearchParams): boolean {
  if ([...raw.keys()].length !== [...clean.keys()].length) return true;
  for (const [name, value] of raw) if (clean.get(name) !== value) return true;
  return false;
}
