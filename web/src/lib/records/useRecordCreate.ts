import { App, Form } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useUnitContext } from '../../app/UnitContext';
import { useShowError } from '../useShowError';

/**
 * What a page that registers a record (a case, a lead, an outing) works with: its form; where the
 * new record starts (`starts`: the header's current unit, the campaign of ?campaignId=); and
 * `save`, which sends the body, then says so and opens the new record (`done` names the words and
 * the page), or puts the server's refusal on the form's fields.
 */
export function useRecordCreate<B, R>(
  create: UseMutationResult<R, Error, B>,
  done: (record: R) => { text: string; to: string },
) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [search] = useSearchParams();
  const { unitId } = useUnitContext();
  const [form] = Form.useForm();
  const starts = { unitId: unitId ?? undefined, campaignId: search.get('campaignId') ?? undefined };
  const save = (body: B) =>
    create.mutate(body, {
      onSuccess: (record) => {
        const { text, to } = done(record);
        void message.success(text);
        navigate(to);
      },
      onError: (e) => showError(e, form),
    });
  return { form, starts, save };
}
