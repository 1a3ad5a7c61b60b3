import { HerokuUsageError } from '../core/errors.js';
import type { ValidationIssue } from './validation.js';

/**
 * A request body that breaks its link's schema, found before anything is sent.
 * `issues` names each bad field and the rule it breaks.
 */
export class HerokuValidationError extends HerokuUsageError {
  readonly issues: readonly ValidationIssue[];
  readonly linkId: string;

  constructor(linkId: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((issue) => `  - ${issue.message} (${issue.rule})`).join('\n');
    super(`invalid body for ${linkId}:\n${list}`);
    this.name = 'HerokuValidationError';
    this.issues = issues;
    this.linkId = linkId;
  }
}
