import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Access, ACCESS_KEY } from '@meldpunt/identity';

export interface Route {
  method: string;
  path: string;
  access: Access | undefined;
}

/** Every route of every controller of the app, with the access rule it declares. */
export function routesOf(app: INestApplication): Route[] {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const found: Route[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    const base = String(reflector.get(PATH_METADATA, wrapper.metatype as Type) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, () => unknown>)[name];
      const path = reflector.get<string | undefined>(PATH_METADATA, handler);
      if (path === undefined) continue;
      found.push({
        method: RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)],
        path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
        access: reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
          handler,
          wrapper.metatype as Type,
        ]),
      });
    }
  }
  return found;
}
