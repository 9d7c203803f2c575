// The privacy notice says what the code does: the phone's and the server's periods come from the
// same constants the purges use, and the words name what goes and what stays.
import { PHONE_RETENTION_DAYS, SERVER_RETENTION } from '@hsc/shared/retention';
import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/index.ts';
import { resetDb } from '../../test-utils/fixtures.ts';
import { Privacy } from './Privacy.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(resetDb);

describe('Privacy', () => {
  it('states the retention periods the purges use, where data is kept, and how to delete it', async () => {
    render(<Privacy />);
    await screen.findByTestId('privacy-accept');
    const text = document.body.textContent ?? '';
    expect(text).toContain(`${PHONE_RETENTION_DAYS} ngày sau điện thoại tự xóa ảnh giấy tờ, thông tin cá nhân và tệp kết quả`);
    expect(text).toContain('biên nhận và quá trình xử lý vẫn giữ lại');
    expect(text).toContain(`bị xóa sau ${SERVER_RETENTION.uploadHours} giờ`);
    expect(text).toContain(`hồ sơ rút trước khi được tiếp nhận bị xóa sau ${SERVER_RETENTION.withdrawnDays} ngày`);
    expect(text).toContain(`được giữ ít nhất ${SERVER_RETENTION.recordYears} năm`);
    expect(text).toContain('Sổ ghi việc của hệ thống không ghi họ tên, số điện thoại, số căn cước, địa chỉ hay mã tra cứu');
    expect(text).toContain('Xóa hồ sơ');
    expect(text).not.toMatch(/\{\{/);
  });
});
