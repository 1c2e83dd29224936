import { Entity, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { StudyPeriod } from './calendar';
import { ClassGroup, Subject } from './school-structure';
import { School } from './tenancy';

/**
 * Running totals of the current marks per class × subject × study period, so term reports
 * read a few hundred rows instead of aggregating every mark of a school. Kept by database
 * triggers in the same transaction as the marks (migrations/Migration20261201220000_mark_rollup.ts):
 * nothing in the application writes it. Derived data: it goes with the rows it sums.
 */
@Entity()
@Unique({ properties: ['classGroup', 'subject', 'studyPeriod'] })
@Index({ properties: ['school'] })
export class MarkRollup extends UuidEntity {
  @ManyToOne(() => School, { deleteRule: 'cascade' })
  school!: School;

  @ManyToOne(() => ClassGroup, { deleteRule: 'cascade' })
  classGroup!: ClassGroup;

  @ManyToOne(() => Subject, { deleteRule: 'cascade' })
  subject!: Subject;

  @ManyToOne(() => StudyPeriod, { deleteRule: 'cascade' })
  studyPeriod!: StudyPeriod;

  /** Every current mark, whatever its scale. */
  @Property()
  marksCount: Opt<number> = 0;

  /** Marks on the five-point scale: the ones averages and percentages are taken over. */
  @Property()
  gradedCount: Opt<number> = 0;

  @Property({ type: 'bigint' })
  valueSum: Opt<string> = '0';

  /** Σ value × work type weight, over the graded marks. */
  @Property({ type: 'decimal', precision: 16, scale: 2 })
  weightedSum: Opt<string> = '0';

  /** Σ work type weight, over the graded marks. */
  @Property({ type: 'decimal', precision: 16, scale: 2 })
  weightSum: Opt<string> = '0';

  /** Graded marks of 4 or 5 ("quality"). */
  @Property()
  goodCount: Opt<number> = 0;

  /** Graded marks of 3, 4 or 5 ("success"). */
  @Property()
  passingCount: Opt<number> = 0;
}
