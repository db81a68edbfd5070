import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { joinIndexTokens, queryTermsFrom, type QueryTerm } from '../../core/publications/search-text.js';

/**
 * Chinese word segmentation with jieba (@node-rs/jieba, STACK.md): the dictionary (~250 ms, ~100 MB) is loaded once,
 * lazily, on first use. HMM is off so that index and query are segmented by the same dictionary, deterministically.
 */
let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/** Search-mode tokens of a text (long words plus their dictionary sub-words). */
export function segmentForSearch(text: string): string[] {
  return text ? instance().cutForSearch(text, false) : [];
}

/** The value of a `search_*` column: search-mode tokens, lower-cased, punctuation dropped, space-joined. */
export function segmentForIndex(...texts: (string | null | undefined)[]): string {
  return texts.filter((t): t is string => !!t).map((t) => joinIndexTokens(segmentForSearch(t))).filter(Boolean).join(' ');
}

/**
 * Query terms of a user query: precise-mode words, each matching itself or all its search-mode sub-words, so that
 * "保护耕地", "耕地 保护" and "耕地保护" find the same documents.
 */
export function segmentQuery(q: string): QueryTerm[] {
  const j = instance();
  const words = j.cut(q.slice(0, 200), false);
  return queryTermsFrom(words, (w) => (w.length > 2 ? j.cutForSearch(w, false) : []));
}
