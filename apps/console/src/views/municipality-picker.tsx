import type { ReactNode } from 'react';
import type { Municipality } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

/**
 * The municipalities this user manages on the admin pages: all of them for admins and region-wide
 * staff, else those on the user (as the api scopes them).
 */
export function useManagedMunicipalities(): { regionWide: boolean; mine: Municipality[] } {
  const { municipalities, session } = useWorkspace();
  const regionWide = session.user.roles.includes('admin') || session.user.municipalities.length === 0;
  const mine = municipalities.filter((m) => regionWide || session.user.municipalities.includes(m.code));
  return { regionWide, mine };
}

/** The "Gemeente" choice at the top of a page that keeps one municipality's settings at a time. */
export function MunicipalityPicker(props: {
  id: string;
  value: string;
  options: Municipality[];
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={props.id}>{t('answers.municipality')}</label>{' '}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The frame of a page that keeps one municipality's settings (teams, the watch): the title, the
 * municipality choice, and under it the page's list and form.
 */
export function MunicipalityPage(props: {
  id: string;
  title: string;
  municipality: string;
  options: Municipality[];
  onChange: (code: string) => void;
  children: ReactNode;
}) {
  return (
    <main id="main" className="answers" aria-labelledby={`${props.id}-title`}>
      <h1 id={`${props.id}-title`}>{props.title}</h1>
      <MunicipalityPicker
        id={`${props.id}-municipality`}
        value={props.municipality}
        options={props.options}
        onChange={props.onChange}
      />
      {props.children}
    </main>
  );
}

/** A settings list: a header per column, the last one (hidden) over the row's buttons. */
export function SettingsTable(props: {
  testId: string;
  columns: string[];
  actions: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <>
      {props.empty ? <p className="muted">{props.empty}</p> : null}
      <table className="answers-table" data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{props.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </>
  );
}
