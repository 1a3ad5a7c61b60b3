/** One reason a request body breaks its link's schema. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `body.updates[0].quantity`. */
  readonly path: string;
  /** The schema rule that failed: `required`, `type`, `enum`, `pattern`, ... */
  readonly rule: string;
  /** A sentence naming the field and the rule. */
  readonly message: string;
}

/** A generated validator: returns the issues found, none when the value is valid. */
export type Validator = (value: unknown) => ValidationIssue[];
