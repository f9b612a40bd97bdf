import component from "./src/index";
const c: any = component;
for (const kind of ["actions","triggers","dataSources"]) for (const [k, a] of Object.entries<any>(c[kind])) console.log(`${k} | ${a.display.label} | ${a.display.description}`);
