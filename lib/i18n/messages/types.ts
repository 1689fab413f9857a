/** Type helpers for the catalogues. */

/** The dotted paths of every leaf of a catalogue: "steps.dns.resolve.title" | … */
export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The same shape with any strings as leaves: what every other catalogue must have (the compiler checks the key set). */
export type CatalogueShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]> };
