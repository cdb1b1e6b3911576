import dayjs from 'dayjs';

export const formatDateTime = (value: string | Date | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '');
export const formatDate = (value: string | Date | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');
