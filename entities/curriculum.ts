import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from './base';
import { AcademicYear } from './calendar';
import { CurriculumComponent } from './enums';
import { Employee } from './people';
import { ClassGroup, Subgroup, Subject } from './school-structure';

/** One line of a class's curriculum (учебный план, 004 §5.2): a subject with its weekly hours. */
@Entity()
@Unique({ properties: ['classGroup', 'subject'] })
@Index({ properties: ['year'] })
@Check({ name: 'curriculum_item_hours_positive', expression: 'hours_per_week > 0' })
export class CurriculumItem extends VersionedEntity {
  /** Always its class's year; rollover copies a year's items in one read. */
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subject)
  subject!: Subject;

  /** "2.0", "0.5": numeric(4,1), kept as a string so no float rounding creeps in. */
  @Property({ type: 'decimal', precision: 4, scale: 1 })
  hoursPerWeek!: string;

  @Enum({ items: () => CurriculumComponent, nativeEnumName: 'curriculum_component' })
  component!: CurriculumComponent;
}

/**
 * One topic of a teacher's thematic plan (КТП, 004 §5.5, §5.7) for a class and subject, or one
 * subgroup of it: ordered by `ordinal`. Lesson topics are written against it.
 */
@Entity()
@Unique({ properties: ['teacher', 'classGroup', 'subject', 'subgroup', 'ordinal'] })
@Index({ properties: ['classGroup', 'subject'] })
@Unique({
  name: 'thematic_plan_item_whole_class_ordinal_unique',
  expression: 'create unique index "thematic_plan_item_whole_class_ordinal_unique" on "thematic_plan_item" ("teacher_id", "class_group_id", "subject_id", "ordinal") where "subgroup_id" is null',
})
@Check({ name: 'thematic_plan_item_ordinal_positive', expression: 'ordinal > 0' })
@Check({ name: 'thematic_plan_item_hours_positive', expression: 'hours > 0' })
export class ThematicPlanItem extends VersionedEntity {
  @ManyToOne(() => Employee)
  teacher!: Employee;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subject)
  subject!: Subject;

  @ManyToOne(() => Subgroup, { nullable: true })
  subgroup?: Subgroup;

  /** 1-based position in the plan. */
  @Property()
  ordinal!: number;

  @Property({ length: 500 })
  topic!: string;

  /** Lessons the topic takes. */
  @Property()
  hours!: number;

  @Property({ type: 'date', nullable: true })
  plannedOn?: string;
}
