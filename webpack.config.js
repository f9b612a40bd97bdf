const path = require("path");
const webpack = require("webpack");
const CopyPlugin = require("copy-webpack-plugin");

/**
 * The production bundle: minified, with a separate source map for stack traces.
 * Spectral's main entry requires its testing module (jest-mock, jest-util, picomatch) unconditionally, and
 * nothing calls it at run time, so the bundle gets a stub in its place.
 * `env.unminified` and `env.outDir` exist for the test that compares both builds' component definitions.
 */
module.exports = (env = {}) => ({
  mode: "production",
  target: "node",
  context: __dirname,
  entry: "./src/index.ts",
  devtool: "source-map",
  output: {
    path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: { configFile: path.resolve(__dirname, "tsconfig.build.json"), transpileOnly: true },
      },
    ],
  },
  optimization: {
    minimize: !env.unminified,
    // Class names stay readable in error reports ("GraphError: ...").
    minimizeOptions: { javascript: { compress: { passes: 2 }, keepClassnames: true } },
  },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^\.\/testing$/, (resource) => {
      if (/@prismatic-io[\\/]spectral[\\/]dist$/.test(resource.context)) {
        resource.request = path.resolve(__dirname, "scripts/build/spectralTestingStub.ts");
      }
    }),
    new webpack.DefinePlugin({
      "process.env.DOCUMENTATION_URL": JSON.stringify(process.env.DOCUMENTATION_URL ?? ""),
    }),
    new CopyPlugin({ patterns: [{ from: "assets", to: "." }] }),
  ],
});
