import type { ReactNode } from 'react';
import { Divider, Row } from 'antd';

/** A titled group of fields inside a record's form (case, lead, inspection). */
export function FormSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" orientationMargin={0} className="rs-form-section">
        {title}
      </Divider>
      <Row gutter={16}>{children}</Row>
    </>
  );
}
