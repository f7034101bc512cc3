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
      const declared = reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
      if (declared === undefined) continue;
      const method = RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)];
      const access = reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
        handler,
        wrapper.metatype as Type,
      ]);
      // A handler may serve several paths (dashboard.csv and dashboard.xlsx): each is a route.
      for (const path of [declared].flat()) {
        found.push({
          method,
          path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
          access,
        });
      }
    }
  }
  return found;
}
