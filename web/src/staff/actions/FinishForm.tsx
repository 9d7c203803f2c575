// Finish with the result document: the file is uploaded as soon as it is chosen (the server
// stores and fsyncs it and answers with its id), then "finish" names that id. A failed
// finish can be sent again without uploading again.
import { RESULT_MAX_BYTES, RESULT_MEDIA_TYPES, type ResultUploadResponse } from '@hsc/shared/desk';
import { useState } from 'react';
import { formatBytes } from '../../ui/format.ts';
import { uploadResult } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

const ACCEPTED: readonly string[] = RESULT_MEDIA_TYPES;

export function FinishForm({ ctx }: { ctx: ActionCtx }) {
  const { t, lang } = useStaffT();
  const [uploaded, setUploaded] = useState<{ name: string; result: ResultUploadResponse }>();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();

  const choose = async (file: File | undefined) => {
    setUploaded(undefined);
    setUploadError(undefined);
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) return setUploadError(t('actions.finish.badType'));
    if (file.size > RESULT_MAX_BYTES) return setUploadError(t('actions.finish.tooLarge'));
    setUploading(true);
    try {
      setUploaded({ name: file.name, result: await uploadResult(ctx.dossier.id, file) });
    } catch (e) {
      setUploadError(errorText(t, e));
    } finally {
      setUploading(false);
    }
  };

  const build = () => (uploaded ? { action: 'finish' as const, resultId: uploaded.result.resultId } : { problem: t('actions.finish.needFile') });

  return (
    <ActionForm ctx={{ ...ctx, busy: ctx.busy || uploading }} action="finish" intro={t('actions.finish.intro')} build={build}>
      <label className="field">
        <span className="label">{t('actions.finish.file')}</span>
        <input className="input" type="file" accept={ACCEPTED.join(',')} data-testid="finish-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {uploading ? <p className="small">{t('actions.finish.uploading')}</p> : null}
      {uploaded ? (
        <p className="verified small" data-testid="finish-uploaded">
          {t('actions.finish.uploaded', { name: uploaded.name, size: formatBytes(uploaded.result.size, lang) })}
        </p>
      ) : null}
      {uploadError ? (
        <p className="serror" role="alert">
          {uploadError}
        </p>
      ) : null}
    </ActionForm>
  );
}
