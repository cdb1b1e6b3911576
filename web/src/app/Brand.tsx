/** The red shield of RedShield (also public/favicon.svg). */
export function ShieldLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M32 4 8 12v18c0 15 10.5 26.5 24 30 13.5-3.5 24-15 24-30V12L32 4z" fill="#c8102e" />
      <path d="M32 12 16 17.5V30c0 10.3 6.8 18.4 16 21.4 9.2-3 16-11.1 16-21.4V17.5L32 12z" fill="#e23b4e" />
      <path d="m32 20 3.5 7.6 8.3.9-6.2 5.6 1.8 8.2L32 38.1l-7.4 4.2 1.8-8.2-6.2-5.6 8.3-.9L32 20z" fill="#ffd666" />
    </svg>
  );
}
