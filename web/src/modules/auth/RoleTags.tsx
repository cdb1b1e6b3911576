import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { Role } from './session';

const COLORS: Record<Role, string> = {
  admin: 'red',
  office: 'blue',
  liaison: 'cyan',
  handler: 'geekblue',
  reviewer: 'purple',
  leader: 'gold',
  supervisor: 'orange',
};

export function RoleTags({ roles, systemAdmin }: { roles: readonly Role[]; systemAdmin?: boolean }) {
  const t = useT();
  return (
    <>
      {systemAdmin && <Tag color="magenta">{t('auth.systemAdmin')}</Tag>}
      {roles
        .filter((role) => !(systemAdmin && role === 'admin'))
        .map((role) => (
          <Tag key={role} color={COLORS[role]}>
            {t(`role.${role}`)}
          </Tag>
        ))}
    </>
  );
}
