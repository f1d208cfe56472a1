/** One key finding: a plain-language sentence computed from the numbers, and the kind of fact it states. */
export interface Finding {
  kind:
    | 'ratio'
    | 'floor'
    | 'identical'
    | 'saturation'
    | 'scaling'
    | 'time'
    | 'mva'
    | 'whatif'
    | 'sensitivity';
  text: string;
}
