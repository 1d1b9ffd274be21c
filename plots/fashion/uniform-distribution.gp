# 1000 values drawn from an initializer, written by compare-inits.
# Re-render with `gnuplot uniform-distribution.gp` in this folder (reads uniform-distribution.dat).
reset
set terminal pngcairo size 960,480 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'uniform-distribution.png'
set title 'Random Uniform (low=-3, high=3) (1000 values, 499 bins)'
set xlabel 'Value'
set ylabel 'Count'
set xrange [-4.0:4.0]
set yrange [0:*]
set grid
set boxwidth 0.01603206412825651
set style fill solid 0.8 noborder
plot 'uniform-distribution.dat' using 1:2 with boxes linecolor rgb '#0072B2' notitle
