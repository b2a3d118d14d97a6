/**
 * Search and filters over the history: what the operator types (reference, phone, amount, part
 * of a name) is sent 200 ms after the last key, so typing a reference is one query, not twelve.
 * Ctrl+F (or /) puts the cursor in the search box.
 */
import { useEffect, useRef, useState } from 'react';
import { BANK_NAMES } from '../../src-shared/extract/banks';
import { useLocale, useT } from '../i18n';
import { useStore } from '../state/context';
import { dayPattern, formatDay, parseDay } from '../state/day-format';
import type { HistorySort, StatusFilter } from '../state/history';
import { isTextEntry } from './typing';

const STATUS_ORDER: StatusFilter[] = ['', 'pending', 'approved', 'flagged', 'queued', 'processing', 'failed', 'cancelled', 'unverified'];

export function HistoryFilters() {
  const t = useT().history;
  const locale = useLocale();
  const query = useStore((s) => s.query);
  const setQuery = useStore((s) => s.setQuery);
  const total = useStore((s) => s.total);
  const [text, setText] = useState(query.text);
  const search = useRef<HTMLInputElement>(null);
  // The search changed from elsewhere (the empty list's button cleared it): the box follows.
  // Not when the change is the box's own text arriving, which the operator may be typing past.
  const [seen, setSeen] = useState({ queryText: query.text, pushed: query.text });
  if (query.text !== seen.queryText) {
    setSeen({ queryText: query.text, pushed: seen.pushed });
    if (query.text !== seen.pushed) setText(query.text);
  }

  useEffect(() => {
    if (text === query.text) return;
    const t = setTimeout(() => {
      setSeen((v) => ({ ...v, pushed: text }));
      setQuery({ text });
    }, 200);
    return () => clearTimeout(t);
  }, [text, query.text, setQuery]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') || (e.key === '/' && !isTextEntry(e.target))) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="filters" role="search">
      <input
        ref={search}
        type="search"
        value={text}
        placeholder={t.searchPlaceholder}
        aria-label={t.searchLabel}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText('');
          if (e.key === 'Enter') setQuery({ text });
        }}
      />
      <div className="filter-row">
        <select aria-label={t.statusLabel} value={query.status} onChange={(e) => setQuery({ status: e.currentTarget.value as StatusFilter })}>
          {STATUS_ORDER.map((value) => (
            <option key={value} value={value}>
              {t.status[value]}
            </option>
          ))}
        </select>
        <select aria-label={t.bankLabel} value={query.bank} onChange={(e) => setQuery({ bank: e.currentTarget.value })}>
          <option value="">{t.allBanks}</option>
          {Object.entries(BANK_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {code} {name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <DayField day={query.day} onDay={(day) => setQuery({ day })} />
        <label className="check">
          <input type="checkbox" checked={query.duplicatesOnly} onChange={(e) => setQuery({ duplicatesOnly: e.currentTarget.checked })} /> {t.duplicatesOnly}
        </label>
        <select aria-label={t.sortLabel} value={query.sort} onChange={(e) => setQuery({ sort: e.currentTarget.value as HistorySort })}>
          {(['newest', 'name', 'name-desc'] as const).map((s) => (
            <option key={s} value={s}>
              {t.sort[s]}
            </option>
          ))}
        </select>
        {/* Labelled: a bare number beside «Solo duplicados» read as a count of duplicates. */}
        <span className="total" data-testid="history-total" aria-live="polite">
          {t.shown(total.toLocaleString(locale))}
        </span>
      </div>
    </div>
  );
}

/**
 * The day filter, written as the window's language writes days (dd/mm/aaaa in Spanish): the
 * browser's date field would follow the browser's locale instead. Applied on Enter or on leaving
 * the field; an empty field clears it; a day that does not exist is marked, not applied.
 */
function DayField({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const t = useT().history;
  const locale = useLocale();
  const [text, setText] = useState(formatDay(day, locale));
  const [shown, setShown] = useState({ day, locale });
  if (shown.day !== day || shown.locale !== locale) {
    setShown({ day, locale });
    setText(formatDay(day, locale));
  }
  const parsed = text.trim() === '' ? '' : parseDay(text, locale);
  const apply = () => {
    if (parsed !== null && parsed !== day) onDay(parsed);
  };
  return (
    <input
      type="text"
      inputMode="numeric"
      className="day"
      aria-label={t.dayLabel}
      aria-invalid={parsed === null ? true : undefined}
      placeholder={dayPattern(locale, t.dayLetters)}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), apply())}
    />
  );
}
