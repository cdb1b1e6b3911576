import { Select } from 'antd';
import { useT } from '../../locales/i18n';

/**
 * The other authorities (公安机关, 人民检察院, 纪检监察机关 …) in the server's order
 * (server/src/platform/authorities.ts), labelled by records.authority.* — for transfers, leads
 * handed over and joint operations alike.
 */
export const AUTHORITY_KINDS = [
  'police',
  'procuratorate',
  'discipline',
  'agriculture',
  'customs',
  'health',
  'education',
  'commerce',
  'culture_tourism',
  'transport',
  'ecology',
  'tax',
  'market_regulation',
  'other',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export function useAuthorityLabel() {
  const t = useT();
  return (kind: string) => t(`records.authority.${kind as AuthorityKind}`);
}

interface AuthoritySelectProps {
  value?: AuthorityKind | AuthorityKind[];
  onChange?: (value: AuthorityKind | AuthorityKind[]) => void;
  id?: string;
  multiple?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** One organ (a transfer's receiver) or several (the departments of a joint operation). */
export function AuthoritySelect({ value, onChange, id, multiple, placeholder, style }: AuthoritySelectProps) {
  const label = useAuthorityLabel();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      mode={multiple ? 'multiple' : undefined}
      // Typing finds an organ by its name (公安机关), not by its code.
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      style={style}
      options={AUTHORITY_KINDS.map((kind) => ({ value: kind, label: label(kind) }))}
    />
  );
}
