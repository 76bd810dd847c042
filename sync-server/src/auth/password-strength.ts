import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError } from '../domain-error';

// zxcvbn estimates guesses from dictionaries (common passwords, English words, names) and patterns (keyboard
// walks, dates, repeats), offline. Score 2 means "somewhat guessable": it resists an online attack throttled
// as ours is; below it are `password`, `12345678` and their near relatives.
const MIN_SCORE = 2;

let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * Refuses a password that is easy to guess, including one built from the account's own email or name. The
 * `weak_password` code lets each app say why in the user's language; the English message is the fallback.
 */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const result = zxcvbn().check(password, words);
  if (result.score >= MIN_SCORE) return;
  const hint = result.feedback.warning ? ` ${result.feedback.warning}` : '';
  throw new DomainError('invalid', 'weak_password', 'This password is too easy to guess.', [
    {
      path: 'password',
      message: `Too easy to guess.${hint} Use a longer phrase, such as three or four words.`,
    },
  ]);
}
