import { useCallback, useState, type FormEvent } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { Role, UserView } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { useSession } from '../../app/session-context.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';

const ROLES: Role[] = ['admin', 'analyst', 'command_staff', 'commander', 'viewer'];

/**
 * Accounts (admins only; the server refuses others with 403): the list with role, unit and status, a
 * form to create an account, and per account: role and unit, disable or enable, unlock, new password.
 */
export function UsersPage() {
  const { t, lang } = useLang();
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useApi<UserView[]>(me.user.role === 'admin' ? apiUrl('/users', {}, lang) : null, version);
  const change = useCallback(
    (id: number, body: Record<string, unknown>, done: string) => {
      setError(null);
      setNotice(null);
      sendJson<UserView>('PATCH', apiUrl(`/users/${id}`, {}, lang), body).then(
        (u) => {
          setNotice(t(done, { username: u.username }));
          setVersion((v) => v + 1);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    },
    [lang, t],
  );
  if (me.user.role !== 'admin') return <p className="status">{t('users.adminsOnly')}</p>;
  return (
    <section className="page" data-testid="users-page">
      <h1>{t('users.title')}</h1>
      <StatusBox loading={users.loading && !users.data} error={users.error} />
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="status" role="status">
          {notice}
        </p>
      )}
      {users.data && (
        <table className="users">
          <thead>
            <tr>
              <th>{t('users.username')}</th>
              <th>{t('users.name')}</th>
              <th>{t('users.role')}</th>
              <th>{t('common.unit')}</th>
              <th>{t('users.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <UserRow key={u.id} user={u} change={change} />
            ))}
          </tbody>
        </table>
      )}
      <CreateUser
        onCreated={(u) => {
          setNotice(t('users.created', { username: u.username }));
          setVersion((v) => v + 1);
        }}
      />
    </section>
  );
}

/** Unit codes the commander selects offer: every unit, top level first, as "code · name". */
function UnitSelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { units } = useApp();
  const { t } = useLang();
  return (
    <select name="unit" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('users.noUnit')}</option>
      {units.map((u) => (
        <option key={u.id} value={u.properties.code}>
          {u.properties.code} · {u.properties.name}
        </option>
      ))}
    </select>
  );
}

function UserRow({
  user,
  change,
}: {
  user: UserView;
  change: (id: number, body: Record<string, unknown>, done: string) => void;
}) {
  const { t, fmt } = useLang();
  const { agency } = useApp();
  const [role, setRole] = useState<Role>(user.role);
  const [unit, setUnit] = useState(user.unitCode ?? '');
  const [password, setPassword] = useState('');
  const status = user.disabled
    ? t('users.disabled')
    : user.lockedUntil
      ? t('users.lockedUntil', { until: fmt.instant(user.lockedUntil, agency.timeZone) })
      : t('users.active');
  const dirty = role !== user.role || (role === 'commander' && unit !== (user.unitCode ?? ''));
  return (
    <tr data-user={user.username}>
      <td>{user.username}</td>
      <td>{user.displayName}</td>
      <td>
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{role === 'commander' ? <UnitSelect value={unit} onChange={setUnit} /> : '—'}</td>
      <td>{status}</td>
      <td className="actions">
        <button
          type="button"
          disabled={!dirty}
          onClick={() =>
            change(user.id, role === 'commander' ? { role, unitCode: unit } : { role }, 'users.saved')
          }
        >
          {t('users.save')}
        </button>
        <button type="button" onClick={() => change(user.id, { disabled: !user.disabled }, 'users.saved')}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
        {user.lockedUntil && (
          <button type="button" onClick={() => change(user.id, { unlock: true }, 'users.unlockedMsg')}>
            {t('users.unlock')}
          </button>
        )}
        <input
          type="password"
          name="new-password"
          autoComplete="new-password"
          placeholder={t('users.newPassword')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button
          type="button"
          disabled={password === ''}
          onClick={() => {
            change(user.id, { password }, 'users.passwordSet');
            setPassword('');
          }}
        >
          {t('users.setPassword')}
        </button>
      </td>
    </tr>
  );
}

function CreateUser({ onCreated }: { onCreated: (u: UserView) => void }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'viewer' as Role,
    unit: '',
    password: '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      username: form.username,
      displayName: form.displayName || undefined,
      role: form.role,
      unitCode: form.role === 'commander' ? form.unit : undefined,
      password: form.password,
    };
    sendJson<UserView>('POST', apiUrl('/users', {}, lang), body).then(
      (u) => {
        setForm({ username: '', displayName: '', role: 'viewer', unit: '', password: '' });
        onCreated(u);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <form className="create-user" onSubmit={submit} data-testid="create-user">
      <h2>{t('users.create')}</h2>
      <div className="controls">
        <label className="field">
          <span>{t('users.username')}</span>
          <input
            name="username"
            required
            value={form.username}
            onChange={(e) => set('username')(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('users.name')}</span>
          <input
            name="displayName"
            value={form.displayName}
            onChange={(e) => set('displayName')(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('users.role')}</span>
          <select name="role" value={form.role} onChange={(e) => set('role')(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {form.role === 'commander' && (
          <label className="field">
            <span>{t('common.unit')}</span>
            <UnitSelect value={form.unit} onChange={set('unit')} />
          </label>
        )}
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => set('password')(e.target.value)}
          />
        </label>
        <button type="submit">{t('users.createButton')}</button>
      </div>
      <p className="hint">{t('users.passwordRule')}</p>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
