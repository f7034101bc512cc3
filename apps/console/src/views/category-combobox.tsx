import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Category } from '../api/contract';
import { searchCategories } from '../domain/category-search';
import { useI18n } from '../i18n/i18n';

interface Props {
  categories: Category[];
  kind: string;
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
  errorId?: string;
}

/**
 * The ARIA 1.2 combobox pattern: type to filter (any of the three languages), ↑/↓ to move,
 * Enter or Tab to take the highlighted category. No mouse needed, no framework.
 */
export function CategoryCombobox({ categories, kind, value, onChange, invalid, errorId }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const selected = categories.find((c) => c.code === value);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const text = query ?? selected?.name[language] ?? '';
  const open = query !== null;
  const options = useMemo(
    () => (open ? searchCategories(categories, query, language, kind) : []),
    [open, categories, query, language, kind],
  );

  const take = (category: Category | undefined) => {
    if (category) onChange(category.code);
    setQuery(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setQuery('');
        setActive(0);
        return;
      }
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(options.length - 1, Math.max(0, a + delta)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      event.stopPropagation();
      take(options[active]);
    } else if (event.key === 'Tab' && open && query) {
      take(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setQuery(null);
    }
  };

  return (
    <div className="combobox">
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-${options[active].code}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={errorId}
        aria-label={t('intake.category')}
        placeholder={t('intake.categoryPlaceholder')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={() => setQuery(null)}
        onKeyDown={onKeyDown}
        data-testid="category"
      />
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="combobox-list" aria-label={t('intake.category')}>
          {options.length === 0 ? <li className="muted">{t('intake.categoryNone')}</li> : null}
          {options.map((c, index) => (
            <li
              key={c.code}
              id={`${id}-${c.code}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault();
                take(c);
              }}
            >
              {c.name[language]}
              <span className="muted"> · {c.kinds.map((k) => t(`kind.${k as 'report'}`)).join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
