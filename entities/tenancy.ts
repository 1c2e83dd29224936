import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { UuidEntity } from './base';

@Entity()
export class Region extends UuidEntity {
  @Property({ length: 200 })
  name!: string;
}

@Entity()
export class Municipality extends UuidEntity {
  @ManyToOne(() => Region)
  region!: Region;

  @Property({ length: 200 })
  name!: string;
}

/** The tenant: every school-scoped row carries its school. */
@Entity()
export class School extends UuidEntity {
  @ManyToOne(() => Municipality)
  municipality!: Municipality;

  @Property({ length: 300 })
  name!: string;

  /** IANA zone: "today" and lesson times are read in the school's own zone. */
  @Property({ length: 64 })
  timezone: string = 'Europe/Moscow';
}
