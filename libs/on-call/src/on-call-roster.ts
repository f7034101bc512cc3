import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, RequestContext, UsersService } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { parsePhone } from '@meldpunt/tickets';
import { ShiftDto } from './dto/shift.dto';
import { OnCallShiftEntity } from './entities/on-call-shift.entity';

// A watch is a night, a weekend or a holiday week: longer is a typing error.
const MAX_SHIFT_DAYS = 31;

/**
 * Who is on watch for a municipality when (wachtdienst): kept by admins and the municipality's
 * supervisors, read by every agent of it. The watch is a list of shifts; at a moment, those that
 * cover it are called in their order (position, then who started first).
 */
@Injectable()
export class OnCallRoster {
  constructor(
    @InjectRepository(OnCallShiftEntity) private readonly shifts: Repository<OnCallShiftEntity>,
    private readonly directory: MunicipalityDirectory,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  /** The shifts that end after `from` and start before `to` (default: the coming 14 days). */
  async list(
    ctx: RequestContext,
    municipalityCode: string,
    from = new Date(),
    to = new Date(from.getTime() + 14 * 86_400_000),
  ): Promise<OnCallShiftEntity[]> {
    await this.checkMunicipality(ctx, municipalityCode);
    return this.shifts.find({
      where: { municipalityCode, endsAt: MoreThan(from), startsAt: Between(new Date(0), to) },
      order: { startsAt: 'ASC', position: 'ASC' },
    });
  }

  async add(ctx: RequestContext, municipalityCode: string, dto: ShiftDto): Promise<OnCallShiftEntity> {
    await this.checkMunicipality(ctx, municipalityCode);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw new InvalidInputError([
        { field: 'endsAt', rule: 'isAfterStartsAt', message: 'endsAt must be after startsAt' },
      ]);
    }
    if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_DAYS * 86_400_000) {
      throw new InvalidInputError([
        {
          field: 'endsAt',
          rule: 'isWithinAMonth',
          message: `a shift lasts at most ${MAX_SHIFT_DAYS} days`,
        },
      ]);
    }
    const user = await this.users.findActive(dto.userId);
    if (!user) {
      throw new InvalidInputError([
        { field: 'userId', rule: 'isActiveUser', message: 'userId must be an active staff user' },
      ]);
    }
    if (!RequestContext.forUser(user).canSee(municipalityCode)) {
      throw new InvalidInputError([
        { field: 'userId', rule: 'hasScope', message: `${user.name} does not work for ${municipalityCode}` },
      ]);
    }
    const shift = this.shifts.create({
      id: randomUUID(),
      municipalityCode,
      userId: user.id,
      userName: user.name,
      email: user.email,
      phone: dto.phone ? parsePhone(dto.phone) : null,
      startsAt,
      endsAt,
      position: dto.position ?? 1,
    });
    await this.shifts.insert(shift);
    await this.audit.record(ctx, {
      action: 'on_call.shift_add',
      municipalityCodes: [municipalityCode],
      details: { shiftId: shift.id, userId: user.id },
    });
    return shift;
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const shift = /^[0-9a-f-]{36}$/i.test(id) ? await this.shifts.findOneBy({ id }) : null;
    if (!shift || !ctx.canSee(shift.municipalityCode)) throw new NotFoundError('Shift', id);
    await this.shifts.delete({ id });
    await this.audit.record(ctx, {
      action: 'on_call.shift_remove',
      municipalityCodes: [shift.municipalityCode],
      details: { shiftId: id, userId: shift.userId },
    });
  }

  /** Who is on watch at `at`, in the order they are paged. */
  onDuty(municipalityCode: string, at: Date): Promise<OnCallShiftEntity[]> {
    return this.shifts.find({
      where: { municipalityCode, startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) },
      order: { position: 'ASC', startsAt: 'ASC', id: 'ASC' },
    });
  }

  private async checkMunicipality(ctx: RequestContext, municipalityCode: string): Promise<void> {
    if (!ctx.canSee(municipalityCode)) {
      throw new ForbiddenError(
        `Municipality '${municipalityCode}' is outside the municipalities you work for`,
      );
    }
    if (!(await this.directory.municipality(municipalityCode))) {
      throw new NotFoundError('Municipality', municipalityCode);
    }
  }
}
