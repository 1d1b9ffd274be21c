# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-orthogonal-8.gp` in this folder (reads weights-relu-orthogonal-8.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-relu-orthogonal-8.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'ReLU orthogonal, 8 layers: each layer'."'".'s weights where'."\n".'training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.009136332869529725
set xrange [-0.25107010155916215:0.2514282062649727]
set xtics 0.1
plot 'weights-relu-orthogonal-8.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.01605652630329132
set xrange [-0.41348657160997393:0.46962237507104876]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.014641458988189698
set xrange [-0.38116835355758666:0.42411189079284667]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.014912346005439758
set xrange [-0.4187043085694313:0.4014747217297554]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.014516991972923278
set xrange [-0.3889834448695183:0.4094511136412621]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.015268077850341797
set xrange [-0.4427455723285675:0.3969987094402313]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.014091247916221619
set xrange [-0.3922134801745415:0.3828051552176476]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.015234487056732178
set xrange [-0.43579761385917665:0.40209917426109315]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.0134726083278656
set xrange [-0.3764353483915329:0.36455810964107516]
set xtics 0.2
plot 'weights-relu-orthogonal-8.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
