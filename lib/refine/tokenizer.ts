// Caption tokenisation, mirroring training/refine/vocab.py rule for rule (the vocabulary and its rules are the
// data file models/val/vocab.json, read by Python and TypeScript alike). Pure, so the browser worker uses it too.

export interface VocabFile {
  lowercase: boolean;
  split: string;
  pad: number;
  unk: number;
  maxLen: number;
  fuzzy?: { minLength: number; maxDistance: number; longWordLength: number; longMaxDistance: number };
  words: Record<string, number>;
}

const DEFAULT_FUZZY = { minLength: 3, maxDistance: 1, longWordLength: 6, longMaxDistance: 2 };

export interface Tokens {
  /** maxLen ids, padded */
  ids: number[];
  /** ids before padding (at least 1) */
  length: number;
  /** how many words are in the vocabulary (after spelling correction); 0 means the text says nothing the model knows */
  known: number;
}

export class Tokenizer {
  private readonly split: RegExp;
  private readonly words: Map<string, number>;
  private readonly memo = new Map<string, number>();
  readonly fuzzy: NonNullable<VocabFile["fuzzy"]>;

  constructor(readonly vocab: VocabFile) {
    if (vocab.lowercase === false) throw new Error("vocab.json: only lower-cased vocabularies are supported");
    this.split = new RegExp(vocab.split, "g");
    this.words = new Map(Object.entries(vocab.words));
    this.fuzzy = vocab.fuzzy ?? DEFAULT_FUZZY;
  }

  get maxLen(): number {
    return this.vocab.maxLen;
  }

  wordsOf(text: string): string[] {
    return text.toLowerCase().split(this.split).filter(Boolean);
  }

  /** Id of the word, of its nearest vocabulary spelling within the allowed distance (ties: lower id), or unk. */
  wordId(word: string): number {
    const cached = this.memo.get(word);
    if (cached !== undefined) return cached;
    const id = this.closest(word);
    if (this.memo.size < 10_000) this.memo.set(word, id);
    return id;
  }

  encode(text: string): Tokens {
    const ids = this.wordsOf(text).map((w) => this.wordId(w)).slice(0, this.vocab.maxLen);
    const known = ids.filter((id) => id !== this.vocab.unk && id !== this.vocab.pad).length;
    const kept = ids.length ? ids : [this.vocab.unk];
    const padded = [...kept, ...new Array<number>(this.vocab.maxLen - kept.length).fill(this.vocab.pad)];
    return { ids: padded, length: kept.length, known };
  }

  private closest(word: string): number {
    const exact = this.words.get(word);
    if (exact !== undefined) return exact;
    const { minLength, maxDistance, longWordLength, longMaxDistance } = this.fuzzy;
    if (word.length < minLength) return this.vocab.unk;
    const limit = word.length > longWordLength ? longMaxDistance : maxDistance;
    let best = limit + 1;
    let bestId = this.vocab.unk;
    for (const [candidate, id] of this.words) {
      const d = editDistance(word, candidate, limit);
      if (d < best || (d === best && d <= limit && id < bestId)) {
        best = d;
        bestId = id;
      }
    }
    return best <= limit ? bestId : this.vocab.unk;
  }
}

/** Optimal-string-alignment distance, or limit + 1 as soon as it must exceed `limit` (as vocab.py). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i, ...new Array<number>(b.length).fill(0)];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    if (Math.min(...cur) > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}
