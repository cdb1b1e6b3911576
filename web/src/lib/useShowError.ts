import { useCallback } from 'react';
import { App } from 'antd';
import { useT } from '../locales/i18n';
import { ApiError } from './api';
import { applyProblemToForm, type FormLike } from './problem';

/**
 * Shows why a request failed: the server's Chinese detail in a message, and, given the form the
 * request came from, each field error under its field. Never resets what the user typed.
 */
export function useShowError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormLike) => {
      if (error instanceof ApiError) {
        const text = form ? applyProblemToForm(form, error) : error.problem?.detail;
        void message.error(text || t('common.unexpectedError'));
        return;
      }
      // fetch() rejects with a TypeError when the server cannot be reached.
      void message.error(error instanceof TypeError ? t('common.networkError') : t('common.unexpectedError'));
    },
    [message, t],
  );
}
