/**
 * Learning labels from the operator: a word clicked into a field, whose line starts with words
 * the rules do not know as a label, brings an offer to add them to the field's rule (one click),
 * and the addition can be taken back (one click). The rules file stays the one source of truth.
 */
import { addLabel, isRuleField, knownLabel, labelBefore } from '../../src-shared/extract/learn-label';
import type { LearnSlice, SliceArgs } from './types';

export function learnSlice(...[client, set, get]: SliceArgs): LearnSlice {
  return {
    learnOffer: null,
    learned: null,

    offerLabel: async (field, wordsBefore) => {
      const label = labelBefore(wordsBefore);
      if (!label || !isRuleField(field)) return set({ learnOffer: null });
      const r = await client.invoke('rules:get', {});
      if (!r.ok || r.value.problems.length > 0 || knownLabel(r.value.text, label)) return set({ learnOffer: null });
      set({ learnOffer: { field, label } });
    },

    dismissLabel: () => set({ learnOffer: null }),

    learnLabel: async () => {
      const offer = get().learnOffer;
      if (!offer || !isRuleField(offer.field)) return;
      const current = await client.invoke('rules:get', {});
      if (!current.ok) return get().fail(current.error);
      const next = addLabel(current.value.text, offer.field, offer.label);
      if (!next.ok) return get().fail(next.message);
      const saved = await client.invoke('rules:set', { text: next.text });
      if (!saved.ok) return get().fail(saved.error);
      // Undo puts back exactly what was there: the operator's file, or the shipped defaults.
      set({ learnOffer: null, learned: { ...offer, previousText: current.value.text, wasCustom: current.value.custom } });
    },

    undoLearn: async () => {
      const learned = get().learned;
      if (!learned) return;
      const r = await client.invoke('rules:set', { text: learned.previousText });
      if (!r.ok) return get().fail(r.error);
      set({ learned: null });
    },
  };
}
