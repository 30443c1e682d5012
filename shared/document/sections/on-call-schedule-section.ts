import type { DocContext } from '../doc-context';
import { section, type DocBlock } from '../document-model';
import { holidayCoverageSection } from './holiday-coverage-section';
import { investorPeriodSection } from './investor-period-section';
import { shadowSection } from './shadow-section';
import { weeklyRotationSection } from './weekly-rotation-section';

/**
 * "## 2. On-Call Schedule": weekly rotation, the shadow shifts (when there are any), holiday and vacation coverage,
 * the investor-report period.
 */
export function onCallScheduleSection(ctx: DocContext): DocBlock {
  return section(2, '2. On-Call Schedule', [
    weeklyRotationSection(ctx),
    ...shadowSection(ctx),
    holidayCoverageSection(ctx),
    investorPeriodSection(ctx),
  ]);
}
